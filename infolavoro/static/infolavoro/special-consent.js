// The explicit-consent box for special-category data appears as soon as such a need is ticked
// (no inline script: Content-Security-Policy). Without JavaScript the server shows it when needed.
(() => {
  const box = document.querySelector("[data-special-consent]");
  if (!box) return;
  const needs = document.querySelectorAll("input[data-special-category]");
  const consent = box.querySelector("input[type=checkbox]");
  const notes = box.querySelector("textarea");
  const update = () => {
    // With the desk's health notes enabled the box holds them, so it always shows.
    const needed = Boolean(notes) || [...needs].some((input) => input.checked) || (consent && consent.checked);
    box.hidden = !needed;
  };
  needs.forEach((input) => input.addEventListener("change", update));
  update();
})();
