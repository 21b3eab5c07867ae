// The print page's button (src/routes/(public)/[[locale=locale]]/print): without JavaScript it
// stays hidden and the page names the browser's own print instead.
for (const button of document.querySelectorAll('[data-print]')) {
	button.hidden = false;
	button.addEventListener('click', () => print());
	document.querySelector('[data-print-hint]')?.setAttribute('hidden', '');
}
