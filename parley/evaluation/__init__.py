"""Evaluation: score parley against gold articles and sentences (CONTRACT.md §5) and gate CI on the scores."""
from .floors import Floors, Shortfall, load_floors, shortfalls
from .gold import ArticleGold, SentenceGold, load_gold
from .runner import Evaluation, GroupScore, ItemScore, groups_of
from .scoring import Accuracy, Comparison, Counts

__all__ = ["Accuracy", "ArticleGold", "Comparison", "Counts", "Evaluation", "Floors", "GroupScore", "ItemScore",
           "SentenceGold", "Shortfall", "groups_of", "load_floors", "load_gold", "shortfalls"]
