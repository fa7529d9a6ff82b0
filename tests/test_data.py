
import pytest

from analysis.house import data


def test_chinchilla_runs_load_with_declared_schema():
    runs = data.load_chinchilla_runs()
    assert len(runs) == 240  # Besiroglu et al. keep 240 of the 245 points
    assert len(data.load_chinchilla_runs(only_fitted=False)) == 245
    assert (runs[["N_params", "D_tokens", "C_flop", "loss"]] > 0).all().all()
    # D was derived as C / (6 N): the identity must hold to rounding.
    ratio = runs["C_flop"] / (6 * runs["N_params"] * runs["D_tokens"])
    assert ratio.between(1 - 1e-9, 1 + 1e-9).all()


def test_monkeys_counts_schema_and_filter():
    counts = data.load_monkeys_counts("MATH")
    assert counts["model"].nunique() == 7 and len(counts) == 7 * 128
    assert (counts["num_samples"] == 10_000).all()
    assert counts["num_correct"].between(0, 10_000).all()
    with pytest.raises(ValueError, match="benchmark must be one of"):
        data.load_monkeys_counts("GSM8K")


def test_loaded_frames_are_copies():
    a = data.load_chinchilla_runs()
    a.loc[0, "loss"] = -1
    assert data.load_chinchilla_runs().loc[0, "loss"] > 0


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    data._CACHE.clear()
    yield tmp_path
    data._CACHE.clear()


def _spec(path, **kw):
    base = dict(filename=path.name, sha256=data.file_sha256(path), columns={"x": "float", "name": "str"},
                description="scratch table")
    base.update(kw)
    return data.DatasetSpec(**base)


def test_checksum_mismatch_names_the_file(scratch):
    f = scratch / "t.csv"
    f.write_text("x,name\n1.0,a\n")
    spec = _spec(f)
    f.write_text("x,name\n2.0,a\n")
    with pytest.raises(data.DataError, match="t.csv has SHA-256"):
        data.load_csv(spec)


def test_missing_file_column_rows_and_types(scratch):
    f = scratch / "t.csv"
    f.write_text("x,name\n1.0,a\nbad,b\n")
    with pytest.raises(data.DataError, match="column 'x' must be float; row 1 holds 'bad'"):
        data.load_csv(_spec(f))
    f.write_text("x\n1.0\n")
    with pytest.raises(data.DataError, match=r"lacks the column\(s\) \['name'\]"):
        data.load_csv(_spec(f))
    f.write_text("x,name\n1.0,a\n")
    with pytest.raises(data.DataError, match="must have 5 rows; it has 1"):
        data.load_csv(_spec(f, n_rows=5))
    f.write_text("x,name\n,a\n")
    with pytest.raises(data.DataError, match="column 'x' has a missing value at row 0"):
        data.load_csv(_spec(f))
    assert data.load_csv(_spec(f, nullable=frozenset({"x"})))["x"].isna().all()
    with pytest.raises(data.DataError, match="is missing"):
        data.load_csv(data.DatasetSpec("absent.csv", "0" * 64, {}, "nothing"))


def test_unknown_column_kind_is_refused():
    with pytest.raises(ValueError, match="kind must be one of"):
        data.DatasetSpec("t.csv", "0" * 64, {"x": "complex"}, "bad kind")


def test_every_data_file_has_provenance(root):
    provenance = (root / "analysis" / "data" / "PROVENANCE.md").read_text()
    for path in (root / "analysis" / "data").glob("*.csv"):
        assert f"`analysis/data/{path.name}`" in provenance, f"{path.name} has no 'In this project' provenance line"
