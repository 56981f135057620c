//! Stage spans keep to their lane: within the plan years, first ≤ last, never sharing a year
//! with another stage of the lane (the XLSX merges each stage into one range and the report
//! table writes each as one cell with a colspan; neither can hold two stages in one year).
//! [`apply`](super::apply) refuses a lane that breaks this; [`clamp_span`] turns what a drag
//! asks for into years that keep it, so a bar dragged into its neighbour stops at it.

use super::{Edit, EditError};
use crate::model::validate::{Rule, lane_violations};
use crate::model::{ActionItem, FiscalYear, Id, Initiative, Report, StageSpan, YearRange};

/// One stage of one lane of an action item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SpanRef {
    pub item: Id,
    /// 0-based lane of the item.
    pub lane: usize,
    /// 0-based stage within the lane.
    pub index: usize,
}

/// Refuses a lane the model's rules do not allow, naming the item, lane and stage (1-based).
pub fn check_lane(
    plan: YearRange,
    item: Id,
    lane: usize,
    spans: &[StageSpan],
) -> Result<(), EditError> {
    match lane_violations(plan, spans).first() {
        None => Ok(()),
        Some((stage, rule)) => Err(lane_error(item, lane, *stage, rule)),
    }
}

fn lane_error(item: Id, lane: usize, stage: usize, rule: &Rule) -> EditError {
    EditError::Stage {
        item,
        lane,
        stage,
        rule: Box::new(rule.clone()),
    }
}

/// Every lane of an item being inserted.
pub fn check_item(plan: YearRange, item: &ActionItem) -> Result<(), EditError> {
    item.lanes
        .iter()
        .enumerate()
        .try_for_each(|(l, lane)| check_lane(plan, item.id, l, lane))
}

/// Every item of an initiative being inserted.
pub fn check_initiative(plan: YearRange, initiative: &Initiative) -> Result<(), EditError> {
    initiative
        .items
        .iter()
        .try_for_each(|item| check_item(plan, item))
}

fn no_span(span: SpanRef) -> EditError {
    EditError::NoSpan {
        item: span.item,
        lane: span.lane,
        index: span.index,
    }
}

fn lane_of(report: &Report, span: SpanRef) -> Result<&Vec<StageSpan>, EditError> {
    report
        .initiatives()
        .flat_map(|i| i.items.iter())
        .find(|x| x.id == span.item)
        .and_then(|x| x.lanes.get(span.lane))
        .ok_or(EditError::NoLane {
            item: span.item,
            lane: span.lane,
        })
}

/// The years the stage may take: from the year after the stage before it (or the plan's first
/// year) to the year before the stage after it (or the plan's last year).
pub fn room(report: &Report, span: SpanRef) -> Result<(FiscalYear, FiscalYear), EditError> {
    let lane = lane_of(report, span)?;
    let me = lane.get(span.index).ok_or(no_span(span))?;
    let plan = report.plan_years;
    let others = lane.iter().enumerate().filter(|(k, _)| *k != span.index);
    let mut lo = plan.first;
    let mut hi = plan.last;
    for (k, o) in others {
        if o.last < me.first {
            lo = lo.max(FiscalYear(o.last.0.saturating_add(1)));
        } else if o.first > me.last {
            hi = hi.min(FiscalYear(o.first.0.saturating_sub(1)));
        } else {
            return Err(lane_error(
                span.item,
                span.lane,
                span.index,
                &Rule::SpanOverlap {
                    other: k + 1,
                    year: me.first.max(o.first).0,
                },
            ));
        }
    }
    if lo > me.first || hi < me.last {
        return Err(lane_error(
            span.item,
            span.lane,
            span.index,
            &Rule::SpanOutsidePlan {
                first: me.first.0,
                last: me.last.0,
                plan: (plan.first.0, plan.last.0),
            },
        ));
    }
    Ok((lo, hi))
}

/// What a drag asks for (`first`..`last`, in either order), clamped to the stage's room: the
/// years it gets.
pub fn clamp_span(
    report: &Report,
    span: SpanRef,
    first: FiscalYear,
    last: FiscalYear,
) -> Result<(FiscalYear, FiscalYear), EditError> {
    let (lo, hi) = room(report, span)?;
    let (a, b) = (first.min(last), first.max(last));
    let first = a.clamp(lo, hi);
    let last = b.clamp(first, hi);
    Ok((first, last))
}

/// The edit for a stage resized to `first`..`last`, clamped to its room.
pub fn resize_span_clamped(
    report: &Report,
    span: SpanRef,
    first: FiscalYear,
    last: FiscalYear,
) -> Result<Edit, EditError> {
    let (first, last) = clamp_span(report, span, first, last)?;
    set_years(report, span, first, last)
}

/// The edit for a stage moved to start in `first`, keeping its length, clamped to its room.
pub fn move_span_clamped(
    report: &Report,
    span: SpanRef,
    first: FiscalYear,
) -> Result<Edit, EditError> {
    let (lo, hi) = room(report, span)?;
    let lane = lane_of(report, span)?;
    let me = lane.get(span.index).ok_or(no_span(span))?;
    let len = me.last.0.saturating_sub(me.first.0);
    let latest = FiscalYear(hi.0.saturating_sub(len));
    let first = first.clamp(lo, latest.max(lo));
    let last = FiscalYear(first.0.saturating_add(len));
    set_years(report, span, first, last)
}

fn set_years(
    report: &Report,
    span: SpanRef,
    first: FiscalYear,
    last: FiscalYear,
) -> Result<Edit, EditError> {
    let mut spans = lane_of(report, span)?.clone();
    if let Some(s) = spans.get_mut(span.index) {
        s.first = first;
        s.last = last;
    }
    check_lane(report.plan_years, span.item, span.lane, &spans)?;
    Ok(Edit::SetStageLane {
        item: span.item,
        lane: span.lane,
        spans,
    })
}
