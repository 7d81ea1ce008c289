/**
 * The every-page check: does this page say anything Kyrgyz at all? It runs on every http(s) page, so it is a
 * single regular expression over a bounded sample (title, URL, a little metadata and the first part of the
 * text). Only pages that pass load the engine, which then decides properly (detect-coverage.ts).
 *
 * It must never miss coverage the engine would accept: a test runs it on every positive corpus passage and
 * on every spelling of the country, the capital and the leading people in the data.
 */
const KYRGYZ_STEMS =
  /kyrgyz|kirgi[sz]|kirghi[sz]|kirgiz|kırgız|bi[sš]c?h?kek|bisjkek|biskek|jeenbekov|zheenbekov|dscheenbekow|japarov|zhaparov|dschaparow|atambay?e?v|atambajew|otunbayeva|bakiyev|akayev|кыргыз|киргиз|бишкек|бішкек|жээнбеков|жапаров|атамба|отунбаев|бакиев|акаев|ташиев|жогорку|قرغيز|قيرغيز/i

/** How much of the page text the check reads. A Kyrgyz story names the country long before this. */
export const PREFILTER_TEXT_BUDGET = 20_000

export const mentionsKyrgyzstan = (sample: string): boolean => KYRGYZ_STEMS.test(sample)
