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
    button.textContent = button.dataset.copied;
  });
}

// The country picker's filter: shows the countries whose names hold what is typed (ignoring
// case and accents), and always the ticked ones.
const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
for (const filter of document.querySelectorAll(".picker-filter")) {
  const choices = document.getElementById(filter.getAttribute("aria-controls"));
  if (!choices) continue;
  filter.hidden = false;
  filter.addEventListener("input", () => {
    const wanted = fold(filter.value.trim());
    for (const label of choices.querySelectorAll("label")) {
      const ticked = label.querySelector("input").checked;
      label.hidden = !(ticked || wanted === "" || fold(label.dataset.names).includes(wanted));
    }
  });
  // Enter in the filter narrows the list; it does not send the form.
  filter.addEventListener("keydown", (event) => {
    if (event.key === "Enter") event.preventDefault();
  });
}

// A refused form's summary of errors takes the focus, so it is read first and each of its
// links leads to a field.
const errors = document.getElementById("form-errors");
if (errors) {
  errors.tabIndex = -1;
  errors.focus();
}

// The language switcher keeps the reader on the page they are on, whatever its referrer policy.
for (const link of document.querySelectorAll("a[data-language]")) {
  const here = window.location.pathname + window.location.search;
  link.href = `${link.pathname}?return_to=${encodeURIComponent(here)}`;
}
