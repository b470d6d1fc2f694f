// Chromium's command line for the tests and the budgets: headless, and
// nothing that reaches the network (see ../shared/TOOLCHAIN.md).
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
