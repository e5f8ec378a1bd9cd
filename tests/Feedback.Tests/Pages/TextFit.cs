using Microsoft.Playwright;

namespace Feedback.Tests.Pages;

/// <summary>
/// Whether a page still reads on a narrow screen or with large text, measured in the page: every piece of visible
/// text flows in a box at least three characters wide (or as wide as the text, when it is shorter) and is not wrapped
/// one or two characters to a line; nothing sticks out past the right edge except tables inside .table-wrap, which
/// scroll on their own; buttons, fields and navigation links are at least 24 CSS px in both directions (WCAG 2.2 AA).
/// </summary>
public static class TextFit
{
    private const string Measure = """
        () => {
          const problems = [];
          const vw = document.documentElement.clientWidth;
          const canvas = document.createElement('canvas').getContext('2d');
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + [...e.classList].map(c => '.' + c).join('');
          const path = e => [e.parentElement?.parentElement, e.parentElement, e].filter(x => x && x !== document.body).map(name).join(' > ');
          // Not shown: nothing to see, off the page to the left or top (skip link, a card table's header), or visually
          // hidden for screen readers (a 1 px box).
          const shown = e => { const r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1 && r.right > 0 && r.bottom > 0 && getComputedStyle(e).visibility !== 'hidden'; };
          const px = v => parseFloat(v) || 0;
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode, text = node.textContent.replace(/\s+/g, ' ').trim();
            const element = node.parentElement;
            if (!text || !shown(element) || element.closest('script,style,noscript')) continue;
            let box = element;
            while (box.parentElement && ['inline', 'contents'].includes(getComputedStyle(box).display)) box = box.parentElement;
            const style = getComputedStyle(element), boxStyle = getComputedStyle(box);
            const size = px(style.fontSize);
            canvas.font = style.font;
            const natural = canvas.measureText(text).width;
            const width = box.clientWidth - px(boxStyle.paddingLeft) - px(boxStyle.paddingRight);
            if (width + 1 < Math.min(3 * size, natural) * 0.95)
              problems.push(`${path(box)} 「${text.slice(0, 16)}」: ${Math.round(width)} px wide for ${size} px text`);
            const range = document.createRange();
            range.selectNodeContents(node);
            const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
            const chars = [...text.replace(/ /g, '')].length;
            // Only where the text is all its box holds: a short phrase that continues a line started by other text
            // may rightly break once.
            if (lines >= 2 && chars / lines < 2.5 && box.textContent.replace(/\s+/g, ' ').trim() === text)
              problems.push(`${path(element)} 「${text.slice(0, 16)}」: ${chars} characters on ${lines} lines`);
          }
          for (const e of document.body.querySelectorAll('*')) {
            if (!shown(e) || e.closest('.table-wrap')) continue;
            const r = e.getBoundingClientRect();
            if (r.right > vw + 1 && !(e.parentElement.getBoundingClientRect().right > vw + 1))
              problems.push(`${path(e)}: right edge at ${Math.round(r.right)} px, page is ${vw} px wide`);
          }
          if (document.documentElement.scrollWidth > vw + 1)
            problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px content in ${vw} px`);
          for (const e of document.querySelectorAll('button, input:not([type=hidden]), select, textarea, nav a, .button, .tiles a')) {
            if (!shown(e)) continue;
            // A checkbox or radio inside its label is tapped through the whole label.
            const target = e.matches('input[type=checkbox], input[type=radio]') && e.closest('label') || e;
            const r = target.getBoundingClientRect();
            if (r.width < 24 || r.height < 24)
              problems.push(`${path(e)}: tap target ${Math.round(r.width)}×${Math.round(r.height)} px`);
          }
          return problems;
        }
        """;

    /// <summary>What does not fit on <paramref name="page"/>, one line each; empty when everything does.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page)
    {
        StaffBrowser.RequireScript(page, "The text fit check");
        return await page.EvaluateAsync<string[]>(Measure);
    }
}
