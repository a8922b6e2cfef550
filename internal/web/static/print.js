// Print views: show the "In / Lưu thành PDF" button (hidden without
// JavaScript, where the page explains Ctrl+P instead).
for (const b of document.querySelectorAll("[data-print]")) {
  b.hidden = false;
  b.addEventListener("click", () => window.print());
}
