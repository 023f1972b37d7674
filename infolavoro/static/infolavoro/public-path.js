// Where Bootstrap Italia loads its fonts from: set before its bundle runs, from this tag's data attribute
// (a static file rather than an inline script, so that the Content-Security-Policy needs no 'unsafe-inline').
window.__PUBLIC_PATH__ = document.currentScript.dataset.fontsPath;
