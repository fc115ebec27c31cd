// Shows a printed form the core made (A4 HTML) in its own window and opens the print dialog:
// in Electron the dialog prints or saves as PDF; in the browser preview it is the browser's.
export function openPrintWindow(html: string, title: string): boolean {
  const win = window.open('', '_blank', 'width=900,height=1000');
  if (!win) return false;
  win.document.open();
  win.document.write(html);
  win.document.close();
  win.document.title = title;
  // Fonts and layout first, then the dialog.
  win.addEventListener('load', () => {
    win.focus();
    win.print();
  });
  return true;
}
