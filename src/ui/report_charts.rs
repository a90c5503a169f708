//! The reports screen's charts (egui_plot): awards per year stacked by level, and each
//! unit's result beside the plan's target for one title.

use egui::{Color32, Ui};
use egui_plot::{Bar, BarChart, Corner, GridMark, Legend, Plot};

use crate::domain::model::AwardLevel;
use crate::domain::report_results::UnitResults;
use crate::domain::report_tally::YearLevels;

fn level_color(level: AwardLevel) -> Color32 {
    match level {
        AwardLevel::Department => Color32::from_rgb(91, 155, 213),
        AwardLevel::Province => Color32::from_rgb(237, 125, 49),
        AwardLevel::Ministry => Color32::from_rgb(112, 173, 71),
        AwardLevel::State => Color32::from_rgb(192, 0, 0),
    }
}

/// Whole numbers only on an axis of counts or years.
fn whole(mark: GridMark) -> Option<i64> {
    let v = mark.value;
    ((v - v.round()).abs() < 1e-6).then_some(v.round() as i64)
}

/// One bar per year, its levels stacked.
pub fn awards_per_year(ui: &mut Ui, years: &[YearLevels]) {
    let mut charts: Vec<BarChart> = Vec::new();
    for level in AwardLevel::ALL {
        let bars = years
            .iter()
            .map(|y| {
                Bar::new(y.year as f64, y.count(*level) as f64)
                    .width(0.6)
                    .name(format!("{} – {}", y.year, level.label()))
            })
            .collect();
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(level.label(), bars)
            .color(level_color(*level))
            .stack_on(&below);
        charts.push(chart);
    }
    Plot::new("awards-per-year")
        .height(220.0)
        .legend(Legend::default().position(Corner::LeftTop))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .x_axis_label("Năm")
        .y_axis_label("Số lượt khen thưởng")
        .x_axis_formatter(|m, _| whole(m).map(|y| y.to_string()).unwrap_or_default())
        .y_axis_formatter(|m, _| whole(m).map(|n| n.to_string()).unwrap_or_default())
        .include_y(0.0)
        .show(ui, |plot| {
            for chart in charts {
                plot.bar_chart(chart);
            }
        });
}

/// For the target at `index` of every unit: the plan's percentage and the unit's result,
/// side by side.
pub fn targets_per_unit(ui: &mut Ui, units: &[UnitResults], index: usize) {
    let rows: Vec<(&str, f64, f64)> = units
        .iter()
        .filter_map(|u| {
            let line = u.lines.get(index).filter(|l| l.total > 0)?;
            Some((
                u.unit_name.as_str(),
                line.target_percent,
                line.percent().unwrap_or(0.0),
            ))
        })
        .collect();
    let names: Vec<String> = rows.iter().map(|(n, _, _)| short(n)).collect();
    let target = BarChart::new(
        "Chỉ tiêu",
        rows.iter()
            .enumerate()
            .map(|(i, (n, t, _))| {
                Bar::new(i as f64 - 0.18, *t)
                    .width(0.34)
                    .name(format!("{n}: chỉ tiêu"))
            })
            .collect(),
    )
    .color(Color32::from_gray(150));
    let result = BarChart::new(
        "Kết quả",
        rows.iter()
            .enumerate()
            .map(|(i, (n, t, r))| {
                let bar = Bar::new(i as f64 + 0.18, *r)
                    .width(0.34)
                    .name(format!("{n}: kết quả"));
                if r + 1e-9 >= *t {
                    bar.fill(Color32::from_rgb(20, 120, 50))
                } else {
                    bar.fill(Color32::from_rgb(200, 60, 40))
                }
            })
            .collect(),
    )
    .color(Color32::from_rgb(20, 120, 50));
    Plot::new("targets-per-unit")
        .height(240.0)
        .legend(Legend::default().position(Corner::RightTop))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .y_axis_label("%")
        .include_y(0.0)
        .include_y(100.0)
        .x_axis_formatter(move |m, _| {
            whole(m)
                .and_then(|i| usize::try_from(i).ok())
                .and_then(|i| names.get(i).cloned())
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(target);
            plot.bar_chart(result);
        });
}

/// A unit's name short enough for an axis: "Phòng Quản lý thương mại" → "P. Quản lý thương mại".
fn short(name: &str) -> String {
    let name = name.trim();
    let s = name
        .strip_prefix("Phòng ")
        .map(|r| format!("P. {r}"))
        .unwrap_or_else(|| name.to_owned());
    if s.chars().count() > 18 {
        format!("{}…", s.chars().take(17).collect::<String>())
    } else {
        s
    }
}
