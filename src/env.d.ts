/** crxjs `?script` imports resolve to the built file's path inside the extension. */
declare module '*?script' {
  const fileName: string
  export default fileName
}
