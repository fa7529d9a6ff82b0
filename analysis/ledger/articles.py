"""The five seed articles and how a locator names a line of one (part of the claim contract,
:mod:`analysis.ledger.core`)."""

from __future__ import annotations

ARTICLES: dict[str, tuple[str, str, str]] = {
    "000": ("000_a9286e32d3d2b3a3.txt",
            "When Bigger Isn't Better: The Diminishing Returns of Scaling AI Models",
            "a data-labelling company's blog post (it ends by promoting its own product)"),
    "001": ("001_18bebb09c70390f4.txt", "The Diminishing Returns of Scale",
            "a short 'contrarian' explainer with a table of gains per tenfold compute"),
    "002": ("002_6dd5508ec2aa51c5.txt", "The Scaling Debate: Are We Hitting Diminishing Returns?",
            "a long-form industry analysis that presents both sides"),
    "003": ("003_b3665fb875f80b73.txt", "AI Reality Check: Why Bigger Models Aren't Always Better",
            "an opinion piece in bullet points, without sources"),
    "004": ("004_2bd2b9b8142f26cf.txt",
            "The Age of AI Scaling Is Over: What Comes Next for Artificial Intelligence",
            "a long explainer with an FAQ, citing papers and news reports"),
}

#: Section headings of each article, in order: a locator ``"§ <heading> ¶ n"`` names the n-th non-empty line
#: after the heading (``"(opening)"`` before the first). Three of the articles have no blank lines between
#: paragraphs, so lines, not blank-line blocks, are what a reader can count in every one of them.
ARTICLE_HEADINGS: dict[str, tuple[str, ...]] = {
    "000": ("The New Law of Diminishing Returns", "The Scaling Illusion", "The Data Problem Beneath It All",
            "The Efficiency Frontier", "The New Data Paradigm", "Read Next:", "FAQ:",
            "What does “diminishing returns” mean in AI?", "Why did AI scaling work before and why is it slowing now?",
            "How does data quality affect AI performance?", "What’s the alternative to scaling?",
            "How does Sapien’s protocol address this?", "How can I start with Sapien?", "Sources:"),
    "001": ("The Flattening Curve", "Why Data, Not Compute, Is the Bottleneck", "The Efficiency Revolution",
            "Key Insight Ruby will revisit this in future rituals",
            "Why do scaling laws produce diminishing returns beyond a certain model size?"),
    "002": ("The Law That Built an Industry", "The Evidence for Diminishing Returns", "The Chinchilla Correction",
            "The Counterargument: We Are Not at the Ceiling", "The Shift From Scale to Efficiency",
            "What This Means for the Industry", "The Next Phase"),
    "003": ("The Myth of Infinite Scaling", "Diminishing Returns: The New Normal", "Why Smaller Models Are Catching Up",
            "The Hidden Costs of Going Big", "The Future: Smarter, Not Larger",
            "The Real Question Isn’t “How Big?” — It’s “How Smart?”"),
    "004": ("The Scaling Laws That Built Modern AI", "Why Bigger Models Aren't Getting Better",
            "The Model Collapse Problem Explained", "What Actually Works Instead of Scaling",
            "The Real Cost of AI Development", "The Path Forward for AI", "What This Means for Regular People",
            "Frequently Asked Questions", "Q: Will AI development stop completely because of scaling limits?",
            "Q: Does model collapse mean all AI will eventually become useless?",
            "Q: Are the billions spent on AI data centers wasted money?"),
}


def article_locators(code: str, text: str) -> dict[str, str]:
    """Every locator of an article's ``text`` mapped to the line it names (see :data:`ARTICLE_HEADINGS`)."""
    headings = set(ARTICLE_HEADINGS[article_code(code)])
    section, n, out = "(opening)", 0, {}
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for i, line in enumerate(lines):
        if i > 0 and line in headings:
            section, n = line, 0
            continue
        n += 1
        out[f"§ {section} ¶ {n}"] = line
    return out



def article_code(article: str) -> str:
    """The three-digit code of a seed article, from the code itself or its file name."""
    code = str(article)[:3]
    if code not in ARTICLES:
        raise ValueError(f"article must be one of the seed codes {sorted(ARTICLES)}; got {article!r}")
    return code


