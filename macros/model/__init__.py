"""The domain model: regions, their bodies and goals, plans and minutes.

Plain data, no knowledge of YAML, HTML or MkDocs. Glossary (see DESIGN.md):
goal area = målområde, goal = mål, sub-goal = delmål, assignment = uppdrag,
outcome = utfall, target level = målnivå, minutes = protokoll, paragraph = §,
att-clause = att-sats, commitments = the "… ska regionstyrelsen:" lists.
"""

from .corpus import Corpus
from .history import Change, History
from .minutes import (InformationItem, Meeting, MinutesNote, MinutesParagraph, Motion,
                      ParagraphDecision, Person, Section, Signatory)
from .plan import (Annex, Annexes, Assignment, AssignmentTable, Block, BulletList, Chapter,
                   Commitments, Figure, FootnoteRefs, GoalOverview, Indicator, IndicatorTable,
                   LegalEntities, LegalEntity, Measure, Measures, Paragraphs, Plan, PlanDecision,
                   Risks, SubGoal, SubGoalTable, SubHeading, Table, TableRow)
from .region import Body, GoalArea, GoalFramework, Region, RegionGoal
from .values import Column, Original, Period, Series, Value

__all__ = [name for name in dir() if name[0].isupper()]
