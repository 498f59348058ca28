package se.trygghetsnav.followup.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An indicator of a plan with its recorded values, compared with where it started and where the plan wants it:
 * a goal against its SMART baseline and target; a focus-area indicator (which has neither) against its first
 * recorded value.
 *
 * @param indicatorIndex the position of a focus-area indicator in its focus area's list
 * @param higherIsBetter the direction of improvement: the plan's word for a focus-area indicator; for a goal,
 *        whether its target is above its baseline
 */
public record IndicatorComparison(IndicatorTarget.Kind kind, UUID seriesId, UUID focusAreaId, String focusAreaName,
        @Nullable Integer indicatorIndex, @Nullable UUID goalId, String text, @Nullable String dataSource,
        @Nullable Boolean higherIsBetter, @Nullable String baseline, @Nullable BigDecimal baselineValue,
        @Nullable String target, @Nullable BigDecimal targetValue, @Nullable LocalDate targetDate,
        List<IndicatorValue> values, @Nullable IndicatorValue latest, @Nullable Comparison comparison) {

    /**
     * The latest value against the reference.
     *
     * @param reference BASELINE (the goal's) or FIRST_VALUE (the first recorded)
     * @param change latest minus the reference value
     * @param improving whether the change goes the better way; null when the direction is unknown
     * @param progressPercent how far from baseline to target the latest value has come (goals only)
     * @param targetMet whether the latest value reaches the target (goals only)
     */
    public record Comparison(String reference, BigDecimal referenceValue, BigDecimal change, @Nullable Boolean improving,
            @Nullable BigDecimal progressPercent, @Nullable Boolean targetMet) {
    }

    static IndicatorComparison of(IndicatorTarget target, String focusAreaName, @Nullable Integer indicatorIndex,
            @Nullable String dataSource, @Nullable Boolean statedDirection, @Nullable String baseline,
            @Nullable String targetText, @Nullable LocalDate targetDate, List<IndicatorValue> values) {
        BigDecimal baselineValue = Figures.firstIn(baseline);
        BigDecimal targetValue = Figures.firstIn(targetText);
        Boolean higherIsBetter = statedDirection;
        if (higherIsBetter == null && baselineValue != null && targetValue != null
                && baselineValue.compareTo(targetValue) != 0) {
            higherIsBetter = targetValue.compareTo(baselineValue) > 0;
        }
        IndicatorValue latest = values.isEmpty() ? null : values.getLast();
        Comparison comparison = null;
        if (latest != null && baselineValue != null) {
            comparison = compare("BASELINE", baselineValue, latest.value(), higherIsBetter, targetValue);
        }
        else if (latest != null && values.size() > 1) {
            comparison = compare("FIRST_VALUE", values.getFirst().value(), latest.value(), higherIsBetter, null);
        }
        return new IndicatorComparison(target.kind(), target.seriesId(), target.focusAreaId(), focusAreaName,
                indicatorIndex, target.goalId(), target.text(), dataSource, higherIsBetter, baseline, baselineValue,
                targetText, targetValue, targetDate, values, latest, comparison);
    }

    private static Comparison compare(String reference, BigDecimal from, BigDecimal latest, @Nullable Boolean higherIsBetter,
            @Nullable BigDecimal target) {
        BigDecimal change = latest.subtract(from);
        Boolean improving = higherIsBetter == null || change.signum() == 0 ? null : higherIsBetter == change.signum() > 0;
        BigDecimal progress = null;
        Boolean met = null;
        if (target != null && target.compareTo(from) != 0) {
            progress = change.multiply(BigDecimal.valueOf(100)).divide(target.subtract(from), 1, RoundingMode.HALF_UP);
            met = target.compareTo(from) > 0 ? latest.compareTo(target) >= 0 : latest.compareTo(target) <= 0;
        }
        return new Comparison(reference, from, change, improving, progress, met);
    }
}
