import '../lib/testDom.js';

// jsdom lacks ResizeObserver, which antd's Table, Segmented and Modal observe.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class NoResize {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.assign(window, { ResizeObserver: NoResize });
  Object.assign(globalThis, { ResizeObserver: NoResize });
}
