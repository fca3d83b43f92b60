"""Analysis of the record: groups of States and their cohesion, bloc breakdowns of a vote, country similarity,
ideal points. Computations are plain functions over plain values (tested without a database where they can be);
what pages read is stored beside the record and kept by `votes.figures`."""
