// The built-ins that the player's code and its libraries call at load and that Chromium 69 (the
// factory WebView of Android 9 signage boxes, docs/android-boxes.md) lacks. Plain ES5, run before
// any module: the boot script starts with this file, and the dataset worker and the service worker
// import it first. Each one is defined only where the engine has none of its own.
(function (g) {
  'use strict';
  function define(target, name, value) {
    if (!target || name in target) return;
    Object.defineProperty(target, name, { value: value, writable: true, configurable: true });
  }

  if (typeof g.globalThis === 'undefined') {
    Object.defineProperty(g, 'globalThis', { value: g, writable: true, configurable: true });
  }

  define(Object, 'fromEntries', function fromEntries(entries) {
    var out = {};
    var it = entries[Symbol.iterator]();
    for (var step = it.next(); !step.done; step = it.next()) out[step.value[0]] = step.value[1];
    return out;
  });
  define(Object, 'hasOwn', function hasOwn(o, key) {
    return Object.prototype.hasOwnProperty.call(Object(o), key);
  });

  define(String.prototype, 'matchAll', function matchAll(re) {
    var flags = re.flags.indexOf('g') < 0 ? re.flags + 'g' : re.flags;
    if (re instanceof RegExp && re.flags.indexOf('g') < 0) {
      throw new TypeError('String.prototype.matchAll called with a non-global RegExp argument');
    }
    var rx = new RegExp(re.source, flags);
    rx.lastIndex = re.lastIndex;
    var str = String(this);
    var done = false;
    var it = {
      next: function () {
        if (done) return { value: undefined, done: true };
        var m = rx.exec(str);
        if (m === null) {
          done = true;
          return { value: undefined, done: true };
        }
        if (m[0] === '') rx.lastIndex += 1;
        return { value: m, done: false };
      },
    };
    it[Symbol.iterator] = function () {
      return it;
    };
    return it;
  });
  define(String.prototype, 'replaceAll', function replaceAll(search, replacement) {
    if (search instanceof RegExp) {
      if (search.flags.indexOf('g') < 0)
        throw new TypeError('replaceAll must be called with a global RegExp');
      return String(this).replace(search, replacement);
    }
    var escaped = String(search).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return String(this).replace(new RegExp(escaped, 'g'), replacement);
  });

  function at(i) {
    var n = Math.trunc(i) || 0;
    if (n < 0) n += this.length;
    return n < 0 || n >= this.length ? undefined : this[n];
  }
  define(Array.prototype, 'at', at);
  define(String.prototype, 'at', at);
  define(Array.prototype, 'findLast', function findLast(fn, thisArg) {
    for (var i = this.length - 1; i >= 0; i--) if (fn.call(thisArg, this[i], i, this)) return this[i];
    return undefined;
  });
  define(Array.prototype, 'findLastIndex', function findLastIndex(fn, thisArg) {
    for (var i = this.length - 1; i >= 0; i--) if (fn.call(thisArg, this[i], i, this)) return i;
    return -1;
  });

  define(Promise, 'allSettled', function allSettled(values) {
    return Promise.all(
      Array.from(values, function (v) {
        return Promise.resolve(v).then(
          function (value) {
            return { status: 'fulfilled', value: value };
          },
          function (reason) {
            return { status: 'rejected', reason: reason };
          }
        );
      })
    );
  });

  define(g, 'queueMicrotask', function queueMicrotask(fn) {
    Promise.resolve()
      .then(fn)
      .catch(function (err) {
        setTimeout(function () {
          throw err;
        }, 0);
      });
  });

  if (typeof Symbol === 'function' && !('description' in Symbol.prototype)) {
    Object.defineProperty(Symbol.prototype, 'description', {
      configurable: true,
      get: function () {
        var m = /^Symbol\(([\s\S]*)\)$/.exec(this.toString());
        return m ? m[1] : undefined;
      },
    });
  }

  if (typeof Blob === 'function' && typeof FileReader === 'function') {
    var read = function (blob, how) {
      return new Promise(function (resolve, reject) {
        var r = new FileReader();
        r.onload = function () {
          resolve(r.result);
        };
        r.onerror = function () {
          reject(r.error);
        };
        r[how](blob);
      });
    };
    define(Blob.prototype, 'text', function text() {
      return read(this, 'readAsText');
    });
    define(Blob.prototype, 'arrayBuffer', function arrayBuffer() {
      return read(this, 'readAsArrayBuffer');
    });
  }
})(typeof self !== 'undefined' ? self : typeof window !== 'undefined' ? window : this);
