// The few things a page does better with a script. Every page works without it: each control
// here is hidden until this file shows it.
"use strict";

// A Print button on the printable documents.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
