using Microsoft.Playwright;

namespace Feedback.Tests.Qr;

/// <summary>
/// What an older citizen reading at large type trips over, measured in the page as laid out: text squeezed into a box
/// so narrow that a wrapped line holds fewer than 5 characters (its box has room for fewer than ~6), fields narrower
/// than 6 characters, tap targets under 44 px, anything that sticks out or makes the page scroll sideways.
/// </summary>
internal static class TextRoom
{
    public static async Task<string[]> ProblemsAsync(IPage page) => await page.EvaluateAsync<string[]>(Measure);

    private const string Measure = """
        () => {
          const problems = [];
          const root = document.documentElement, width = root.clientWidth;
          const name = el => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${[...el.classList].map(c => '.' + c).join('')} "${el.textContent.trim().slice(0, 12)}"`;
          if (root.scrollWidth > width) problems.push(`the page scrolls sideways (${root.scrollWidth} > ${width} px)`);
          for (const el of document.body.querySelectorAll('*')) {
            const style = getComputedStyle(el);
            if (!el.getClientRects().length || style.visibility !== 'visible') continue;
            const font = parseFloat(style.fontSize), box = el.getBoundingClientRect();
            if (box.left < -1 || box.right > width + 1) problems.push(`${name(el)} sticks out of the screen`);
            if (el.matches('label.choice, button, a.btn, summary, textarea, input[type=text], input[type=tel]') && box.height < 44)
              problems.push(`${name(el)} is ${box.height.toFixed(0)} px tall, too small to tap`);
            if (el.matches('textarea, input[type=text], input[type=tel], button') && box.width < 6 * font)
              problems.push(`${name(el)} is ${box.width.toFixed(0)} px wide for ${font} px type`);
            for (const node of el.childNodes) {
              if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim()) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
              const longest = range.getBoundingClientRect().width;
              if (lines > 1 && longest < 5 * font) problems.push(`${name(el)} wraps after ${(longest / font).toFixed(1)} characters of ${font} px type`);
            }
          }
          return problems;
        }
        """;
}
