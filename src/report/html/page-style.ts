/** The report page's style, inlined into each page. */
export const PAGE_STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1400px; padding: 0 16px 40px; color: #222; }
header.verdict { padding: 10px 16px; margin: 12px 0; border-radius: 6px; }
header.valid { background: #e6f4ea; } header.invalid { background: #fde8e6; } header.unknown { background: #fff4dc; }
h1 { margin: 0; font-size: 22px; } h2 { font-size: 17px; margin: 22px 0 6px; }
.title { margin: 2px 0; color: #555; font-family: ui-monospace, monospace; } .reason { margin: 6px 0 0; font-size: 15px; }
table { border-collapse: collapse; margin: 6px 0; } td, th { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
tr.invalid td:nth-child(2) { color: #b3261e; font-weight: 600; } tr.valid td:nth-child(2) { color: #1e7a34; } tr.unknown td:nth-child(2) { color: #a36a00; }
pre.scenario { background: #f6f6f6; padding: 8px; overflow-x: auto; } code { background: #f1f1f1; padding: 1px 4px; }
.plot { width: 100%; border: 1px solid #e3e3e3; } canvas { display: block; cursor: grab; }
.controls { margin: 4px 0; } .hint { color: #666; font-size: 12px; }
ul.legend { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 14px; font-size: 12px; }
.swatch { display: inline-block; width: 14px; height: 10px; margin-right: 4px; vertical-align: middle; }
.swatch.ok { background: #2f8f46; } .swatch.fail { background: #d0433b; } .swatch.info { background: linear-gradient(90deg, #e69a1c 40%, rgba(230, 154, 28, 0.3) 40%); }
.swatch.band { background: rgba(120, 90, 200, 0.3); } .swatch.blocked { border: 3px solid #c000c0; width: 8px; height: 4px; }
#details { margin-top: 8px; padding: 6px 10px; background: #fafafa; border: 1px solid #ccc; }
#details th { width: 170px; background: #f0f0f0; }
#tooltip { position: absolute; background: #222; color: #fff; font-size: 12px; padding: 3px 6px; border-radius: 3px; pointer-events: none; max-width: 600px; }
#replicas tr.divergent td { background: #fde8e6; } #replicas tr.divergent td:first-child { font-weight: 600; color: #b3261e; }
`;
