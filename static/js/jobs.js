// A form that starts a long job (data-job) disables its buttons once sent: a second click would
// ask for the job again. A static file, not an inline script, for a Content-Security-Policy
// without 'unsafe-inline'.
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!form.matches("form[data-job]")) {
    return;
  }
  // After the event, so that the clicked button's own value is still sent with the form.
  setTimeout(() => {
    for (const button of form.querySelectorAll("button")) {
      button.disabled = true;
    }
    form.setAttribute("aria-busy", "true");
  }, 0);
});

// Back to a page kept by the browser's back-forward cache: its buttons work again.
window.addEventListener("pageshow", (event) => {
  if (!event.persisted) {
    return;
  }
  for (const form of document.querySelectorAll("form[data-job][aria-busy]")) {
    form.removeAttribute("aria-busy");
    for (const button of form.querySelectorAll("button")) {
      button.disabled = false;
    }
  }
});
