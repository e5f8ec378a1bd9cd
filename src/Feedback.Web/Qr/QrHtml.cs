using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Feedback.Web.Qr;

/// <summary>
/// The page shell: one self-contained document (inline CSS, a small inline script that only enhances), large type
/// and tap targets for older citizens. Every value placed into a page goes through <see cref="Encode"/>.
/// </summary>
internal static class QrHtml
{
    // Chinese stays readable (and small) in the source; markup characters and quotes are still escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? value) => value is null ? "" : Encoder.Encode(value);

    private const string Style = """
        *{box-sizing:border-box}html{font-size:20px;-webkit-text-size-adjust:100%}
        body{margin:0;font-family:system-ui,"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;line-height:1.5;background:#f2f4f7;color:#1a1a1a}
        main{max-width:34rem;margin:0 auto;padding:1rem}h1,h2{font-size:1.5rem;margin:.2rem 0 .6rem}
        .where{background:#fff;border-radius:12px;padding:.8rem 1rem;margin-bottom:1rem}.where p{margin:.15rem 0}.centre{color:#555;font-size:.9rem}
        fieldset{border:0;margin:0 0 1rem;padding:0}legend{font-weight:bold;font-size:1.1rem;margin-bottom:.4rem}
        .choice{display:flex;align-items:center;min-height:3.2rem;margin:.5rem 0;padding:.4rem 1rem;background:#fff;border:2px solid #c9ced6;border-radius:12px;font-size:1.2rem}
        .choice input{width:1.6rem;height:1.6rem;margin:0 .8rem 0 0;flex:none}.choice:has(input:checked){border-color:#1558d6;background:#e8f0fe}
        .reasons{background:#fff7f0;border-radius:12px;padding:.6rem 1rem}.reasons .choice{font-size:1rem;min-height:2.8rem}
        .js .reasons{display:none}.js .reasons.on{display:block}
        textarea,input[type=text],input[type=tel]{width:100%;font-size:1.1rem;padding:.6rem;border:2px solid #c9ced6;border-radius:10px;background:#fff}
        textarea{min-height:7rem}label.f{display:block;margin:.6rem 0 .2rem}.count{text-align:right;color:#555;font-size:.9rem}
        details{background:#fff;border-radius:12px;padding:.6rem 1rem;margin-bottom:1rem}summary{font-size:1.1rem;min-height:2.4rem}
        .consent{font-size:.85rem;color:#555}.note{background:#fff;border-left:6px solid #1558d6;padding:.6rem 1rem;border-radius:8px}
        button{width:100%;min-height:3.6rem;font-size:1.3rem;border:0;border-radius:12px;background:#1558d6;color:#fff;margin:.5rem 0 2rem}
        .error{color:#a50e0e;background:#fce8e6;padding:.7rem 1rem;border-radius:10px;font-size:1.1rem}
        """;

    // Progressive enhancement only: shows the reasons of the chosen level, relabels the comment and counts characters.
    private const string Script = """
        (function(){var f=document.getElementById('rate');if(!f)return;f.classList.add('js');
        var c=f.comment,n=document.getElementById('n'),l=document.getElementById('cl');
        function sync(){var r=(f.querySelector('input[name=rating]:checked')||{}).value;
        f.querySelectorAll('.reasons').forEach(function(g){var on=g.dataset.for===r;g.classList.toggle('on',on);
        if(!on)g.querySelectorAll('input').forEach(function(i){i.checked=false})});
        l.textContent=r==='1'||r==='2'?l.dataset.bad:l.dataset.good}
        function count(){n.textContent=Array.from(c.value).length}
        f.addEventListener('change',sync);c.addEventListener('input',count);sync();count()})();
        """;

    public static string Page(string title, string body, bool script = false) => $"""
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <link rel="icon" href="data:,">
        <title>{Encode(title)}</title>
        <style>{Style}</style>
        </head>
        <body><main>
        {body}
        </main>{(script ? $"<script>{Script}</script>" : "")}</body>
        </html>
        """;
}
