/** When the bundle started evaluating: imported first, so activation time includes loading the modules. */
export const loadStarted = performance.now();
