"""Network analytics at European scale (100 000 municipalities, 2 000 networks, 1 000 000
memberships, 60 000 twinnings, 60 themes): the full analysis pass against the bare sparse
products it needs (the floor), and the same jobs on a 5 000-city subset against the
straightforward networkx way. Everything comes from one ``run_bench`` call, which is also what
``verkosto analytics bench --scale eu`` prints as JSON."""

from bench.rows import Row
from verkosto.analytics.core.bench import run_bench


def run(scale: str = "eu") -> list[Row]:
    figures = run_bench(scale)
    met = figures["targets_met"]
    return [
        Row(f"analytics full pass ({scale})", figures["full_pass_s"], figures["floor_s"], "s",
            f"bare sparse products (x{figures['full_pass_over_floor']}, target <= 3: "
            f"{'met' if met['full_pass_le_3x_floor'] else 'NOT met'})"),
        Row("analytics peak RSS", figures["peak_rss_mb"], 4096.0, "MB", "the 4 GB target"),
        Row("analytics 5 000-city subset", figures["ours_subset_s"],
            figures["networkx_subset_s"], "s",
            f"networkx (x{figures['speedup_vs_networkx']} faster, target >= 50: "
            f"{'met' if met['speedup_ge_50x'] else 'NOT met'})"),
    ]  # fmt: skip


if __name__ == "__main__":
    for row in run():
        print(row)
