// The player page's first script: a classic ES5 file (the page's CSP forbids inline scripts), run
// before the app's modules are even parsed. On an engine below the player's floor (Chromium 69:
// the factory WebView of Android 9 boxes) the app cannot parse, and the screen would show the
// boot poster forever; this shows the screen's own message instead, with the version found and
// what to do, and reports it to the server (a box that cannot run the app can never pair). The
// same when the app has not started in time, whatever the cause. Plain ES5 on purpose: it must
// run on every engine a hall box may have, down to Android 5's WebView.
(function (w) {
  'use strict';
  var FLOOR = 69;
  /** The app signals its first render within this; otherwise the guard's message shows. */
  var START_TIMEOUT_MS = 15000;
  /** After an uncaught error before the start, the app is given this much longer. */
  var AFTER_ERROR_MS = 3000;
  /** A screen whose app did not start tries again this often (only if the server answers). */
  var RETRY_MS = 5 * 60000;
  var REPORT_URL = '/api/player/boot-reports';

  function engineOf(ua) {
    var c = /(?:Chrome|Chromium|CriOS)\/(\d+)/.exec(ua);
    var a = /Android (\d+)/.exec(ua);
    return {
      name: c ? 'chromium' : 'other',
      major: c ? Number(c[1]) : null,
      android: a ? Number(a[1]) : null,
      webview: /; wv\)/.test(ua) || /Version\/\d+\.\d+ Chrome/.test(ua),
      ua: String(ua).slice(0, 400),
    };
  }

  var engine = engineOf(navigator.userAgent || '');
  var tooOld = engine.name === 'chromium' && engine.major !== null && engine.major < FLOOR;
  var state = { started: false, shown: false, errors: [], timer: null };

  function report(reason) {
    try {
      var x = new XMLHttpRequest();
      x.open('POST', REPORT_URL, true);
      x.setRequestHeader('Content-Type', 'application/json');
      x.send(
        JSON.stringify({
          reason: reason,
          engine: engine,
          errors: state.errors.slice(0, 3),
          path: String(location.pathname).slice(0, 200),
        })
      );
    } catch (_e) {
      // Nothing to do: the message on the screen is what matters.
    }
  }

  function advice() {
    if (engine.android !== null && engine.android < 7) {
      return '本设备为 Android ' + engine.android + '，不受支持：请更换为 Android 9 及以上的播放设备。';
    }
    if (engine.android !== null && engine.android < 9) {
      return (
        '请在设备的“设置 → 应用”中将 Android System WebView 升级到 ' +
        FLOOR +
        ' 或更高版本（Android 7 最高可升级到 119），然后重启设备。'
      );
    }
    return '请将设备的 WebView（或浏览器）升级到 Chromium ' + FLOOR + ' 或更高版本，然后重启设备。';
  }

  function line(parent, text, size, color) {
    var p = document.createElement('p');
    p.textContent = text;
    p.style.margin = '0 0 2.4vh 0';
    p.style.fontSize = size;
    p.style.color = color;
    parent.appendChild(p);
    return p;
  }

  function show(reason) {
    if (state.shown || state.started) return;
    state.shown = true;
    var box = document.createElement('div');
    box.setAttribute('data-testid', 'boot-guard');
    box.setAttribute('data-reason', reason);
    var s = box.style;
    s.position = 'fixed';
    s.top = s.left = '0';
    s.width = s.height = '100%';
    s.zIndex = '2147483647';
    s.boxSizing = 'border-box';
    s.padding = '10vh 8vw';
    s.background = '#4f060a';
    s.color = '#f6e6c4';
    s.fontFamily = '"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif';
    s.textAlign = 'center';
    var found = engine.major === null ? '未能识别的浏览器内核' : 'Chromium ' + engine.major;
    if (engine.android !== null) found += '（Android ' + engine.android + '）';
    if (reason === 'engine_too_old') {
      line(box, '本设备浏览器内核版本过低，请升级 WebView', '5.2vh', '#ffd98a');
      line(box, '检测到：' + found + '；播放端最低要求 Chromium ' + FLOOR + '。', '3.2vh', '#f6e6c4');
      line(box, advice(), '3vh', '#f6e6c4');
    } else {
      line(box, '播放端未能启动', '5.2vh', '#ffd98a');
      line(box, '检测到：' + found + '；播放端最低要求 Chromium ' + FLOOR + '。', '3.2vh', '#f6e6c4');
      if (state.errors.length) line(box, '错误：' + state.errors[0], '2.4vh', '#f3d27a');
      line(box, '若本设备浏览器内核版本过低，请升级 WebView。将在几分钟后自动重试。', '3vh', '#f6e6c4');
      setTimeout(retry, RETRY_MS);
    }
    line(
      box,
      '地址：' + location.host + '　' + new Date().toLocaleString('zh-CN', { hour12: false }),
      '2.2vh',
      '#d9b98a'
    );
    (document.body || document.documentElement).appendChild(box);
    report(reason);
  }

  /** Reloads only when the server answers: a reload into a browser error page would be worse. */
  function retry() {
    var x = new XMLHttpRequest();
    x.open('GET', '/api/health', true);
    x.timeout = 5000;
    x.onload = function () {
      if (x.status === 200) location.reload();
      else setTimeout(retry, RETRY_MS);
    };
    x.onerror = x.ontimeout = function () {
      setTimeout(retry, RETRY_MS);
    };
    x.send();
  }

  function whenReady(fn) {
    if (document.body) fn();
    else document.addEventListener('DOMContentLoaded', fn);
  }

  function arm(ms, reason) {
    if (state.timer !== null) clearTimeout(state.timer);
    state.timer = setTimeout(function () {
      whenReady(function () {
        show(reason);
      });
    }, ms);
  }

  /** An uncaught error, or a script or style sheet that failed to load, before the app started. */
  function onError(e) {
    if (state.started || state.shown) return;
    var tag = e.target && e.target.tagName;
    var what = e.message;
    if (!what && (tag === 'SCRIPT' || tag === 'LINK')) what = '无法加载 ' + (e.target.src || e.target.href);
    if (!what) return;
    if (state.errors.length < 5) state.errors.push(String(what).slice(0, 300));
    arm(AFTER_ERROR_MS, 'start_failed');
  }
  w.addEventListener('error', onError, true);

  w.__hallcastBoot = {
    floor: FLOOR,
    engine: engine,
    tooOld: tooOld,
    /** Called by the app once it has rendered its first screen. */
    started: function () {
      state.started = true;
      if (state.timer !== null) clearTimeout(state.timer);
    },
  };

  if (tooOld) {
    whenReady(function () {
      show('engine_too_old');
    });
  } else {
    arm(START_TIMEOUT_MS, 'start_timeout');
  }
})(window);
