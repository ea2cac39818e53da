// Small enhancements only; every page works without JavaScript.
document.addEventListener("click", function (event) {
  var button = event.target.closest("button.copy");
  if (!button) return;
  var field = document.getElementById(button.dataset.copy);
  if (!field) return;
  field.select();
  var done = function () { button.textContent = "Copied"; };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done, function () {});
  } else if (document.execCommand("copy")) {
    done();
  }
});

// A meeting's contents start open where there is room for them; closed on a phone.
(function () {
  var contents = document.getElementById("contents");
  if (contents && window.matchMedia("(min-width: 60rem)").matches) contents.open = true;
})();

// Filter forms send only the fields filled in, so that the address stays short (the server
// redirects to the same short address when a form is sent without this script).
document.addEventListener("submit", function (event) {
  var form = event.target;
  if ((form.method || "get").toLowerCase() !== "get") return;
  var emptied = Array.prototype.filter.call(form.elements, function (field) {
    return field.name && !field.disabled && field.value === "" && field.type !== "submit";
  });
  emptied.forEach(function (field) { field.disabled = true; });
  setTimeout(function () {  // a form shown again after Back has its fields usable
    emptied.forEach(function (field) { field.disabled = false; });
  }, 0);
});
