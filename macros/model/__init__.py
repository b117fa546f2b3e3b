"""The domain model: regions, their bodies and goals, plans, indicators and minutes.

Plain data, no knowledge of YAML, HTML or MkDocs. Glossary (see DESIGN.md):
goal area = målområde, goal = mål, sub-goal = delmål, assignment = uppdrag,
outcome = utfall, target level = målnivå, follow-up = uppföljning,
minutes = protokoll, paragraph = §, att-clause = att-sats,
commitments = the "… ska regionstyrelsen:" lists.
"""

from .corpus import Corpus
from .changes import Change, ChangeLog
from .history import Figure, History, Judgement, Source, Summary, summarise
from .indicators import FollowUp, IndicatorDefinition, KeptApart, ReportedOutcome
from .minutes import (InformationItem, Meeting, MinutesNote, MinutesParagraph, Motion,
                      ParagraphDecision, Person, Section, Signatory)
from .plan import (Annex, Annexes, Assignment, AssignmentTable, Block, BulletList, Chapter,
                   Commitments, ComparedFigure, ComparedFigures, FootnoteRefs, GoalOverview,
                   Indicator, IndicatorStatements, IndicatorTable, LegalEntities, LegalEntity, Measure, Measures,
                   MinutesFacts, MissingFigure, Paragraphs, Plan, PlanDecision, PlanStatement, Risks, SubGoal,
                   SubGoalTable, SubHeading, Table, TableRow)
from .region import Body, FrameworkSource, GoalArea, GoalFramework, Region, RegionGoal
from .values import Column, Original, Period, Series, Value

__all__ = [
    "Annex", "Annexes", "Change", "ChangeLog", "Assignment", "AssignmentTable", "Block", "Body", "BulletList", "Chapter",
    "Column", "Commitments", "ComparedFigure", "ComparedFigures", "Corpus", "Figure", "FollowUp", "FootnoteRefs", "FrameworkSource", "GoalArea",
    "GoalFramework", "GoalOverview", "History", "Indicator", "IndicatorDefinition", "IndicatorStatements", "IndicatorTable",
    "InformationItem", "Judgement", "KeptApart", "LegalEntities", "LegalEntity", "Measure", "Measures",
    "Meeting", "MinutesFacts", "Original", "MinutesNote", "MinutesParagraph", "Motion", "ParagraphDecision", "Paragraphs",
    "Period", "Person", "Plan", "MissingFigure", "PlanDecision", "PlanStatement", "Region", "RegionGoal", "ReportedOutcome",
    "Risks", "Section", "Series", "Signatory", "Source", "SubGoal", "SubGoalTable", "SubHeading",
    "Summary", "Table", "TableRow", "Value", "summarise",
]
