"""Publishing and classroom files: the CI workflow, the citation entry, licences, launch and download links."""

import re

import yaml


def test_workflow_is_valid_and_uses_the_two_commands(root):
    wf = yaml.safe_load((root / ".github" / "workflows" / "book.yml").read_text())
    triggers = wf[True] if True in wf else wf["on"]  # YAML 1.1 reads the key `on` as True
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    runs = {name: " ".join(step.get("run", "") for step in job["steps"]) for name, job in wf["jobs"].items()}
    assert "make test" in runs["test"] and "pull_request" in wf["jobs"]["test"]["if"]
    assert "make book" in runs["deploy"]
    publish = [s for s in wf["jobs"]["deploy"]["steps"] if "gh-pages" in s.get("uses", "")]
    assert publish and publish[0]["with"]["publish_dir"] == "./_build/html"
    # The student edition is deployed beside the full site, where its launch buttons point.
    assert "make book-student" in runs["deploy"] and "_build/student/html _build/html/student" in runs["deploy"]
    config = yaml.safe_load((root / "_config.yml").read_text())
    assert config["repository"]["path_to_book"] == "_sources"  # the student tree uses student/_sources
    # Binder installs the runtime set at the pinned versions, not the build and test tools.
    assert "-c constraints.txt" in runs["deploy"] and "cp requirements.txt _build/html/constraints.txt" in runs["deploy"]


def test_citation_cff_has_the_required_fields(root):
    cff = yaml.safe_load((root / "CITATION.cff").read_text())
    for key in ("cff-version", "message", "title", "authors", "license", "repository-code"):
        assert cff.get(key), f"CITATION.cff lacks {key}"


def test_licences_for_code_text_and_every_data_file(root):
    licence = (root / "LICENSE").read_text()
    assert "MIT License" in licence and "CC BY 4.0" in licence
    provenance = (root / "analysis" / "data" / "PROVENANCE.md").read_text()
    sections = re.split(r"\n(?=## )", provenance)  # one per source, each with its licence line
    for path in (root / "analysis" / "data").glob("*.csv"):
        own = [s for s in sections if f"`{path.name}`" in s]
        assert own, f"{path.name} has no provenance section"
        assert any(re.search(r"licen[cs]e", s, re.I) for s in own), f"{path.name}: its section states no licence"


def test_chapter_pages_offer_notebook_download_and_launch_links(site):
    page = (site / "book" / "scaling-laws.html").read_text()
    assert 'href="../_sources/book/scaling-laws.ipynb"' in page
    assert (site / "_sources" / "book" / "scaling-laws.ipynb").exists()
    binder = re.search(r'href="(https://mybinder\.org/[^"]+)"', page).group(1)
    colab = re.search(r'href="(https://colab\.research\.google\.com/[^"]+)"', page).group(1)
    for url in (binder, colab):
        assert url.endswith("_sources/book/scaling-laws.ipynb"), url  # the executed notebook, not the .md


def test_glossary_terms_are_referenced_from_chapters(root, site):
    glossary = (site / "book" / "glossary.html").read_text()
    assert re.search(r'<dl class="[^"]*\bglossary\b', glossary)
    chapters = [p for p in (root / "book").glob("*.md") if p.stem not in {"glossary", "references", "running"}]
    assert any("{term}" in p.read_text() for p in chapters)
