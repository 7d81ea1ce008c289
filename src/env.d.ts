/** The browser a build is for, set by vite.config.ts (`define`); code for the other browser is dropped. */
declare const __TARGET__: 'chrome' | 'firefox'
