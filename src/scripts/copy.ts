/** Copy buttons (`data-copy="<id>"`): shown only where the clipboard can be written. */
export function wireCopyButtons(): void {
  if (!navigator.clipboard) return;
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const source = document.getElementById(button.dataset.copy ?? '');
    if (!source) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(source.textContent ?? '');
      button.textContent = 'Đã chép';
      setTimeout(() => (button.textContent = 'Sao chép'), 2000);
    });
  }
}
