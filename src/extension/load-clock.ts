/** When the bundle started evaluating: imported first, so activation time includes evaluating the modules. */
export const loadStarted = performance.now();
