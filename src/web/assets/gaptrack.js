// The few things a page does better with a script. Every page works without it: each control
// here is hidden until this file shows it.
"use strict";

// A Print button on the printable documents.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}

// A Copy button beside a secret shown once (a new key, an invitation's link).
for (const button of document.querySelectorAll("[data-copy]")) {
  const target = document.getElementById(button.dataset.copy);
  if (!target) continue;
  button.hidden = false;
  button.addEventListener("click", async () => {
    target.select();
    try {
      await navigator.clipboard.writeText(target.value);
    } catch {
      document.execCommand("copy");
    }
    button.textContent = "Copied";
  });
}
