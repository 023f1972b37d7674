// Printable pages open the print dialogue once loaded (no inline onload: Content-Security-Policy).
window.addEventListener("load", () => window.print());
