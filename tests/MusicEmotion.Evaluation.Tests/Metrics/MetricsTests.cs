using MusicEmotion.Evaluation.Metrics;

namespace MusicEmotion.Evaluation.Tests;

public class RegressionMetricsTests
{
    [Fact]
    public void Matches_hand_computed_values()
    {
        // d = [0, −1, 1, −1]: RMSE = √(3/4), MAE = 3/4.
        // x − x̄ = [−1.5, −0.5, 0.5, 1.5], y − ȳ = [−1.75, 0.25, −0.75, 2.25]: Sxy = 5.5, Sxx = 5, Syy = 8.75, r = 5.5 / √43.75.
        RegressionMetrics m = RegressionMetrics.Compute([1.0, 2.0, 3.0, 4.0], [1.0, 3.0, 2.0, 5.0]);

        m.Count.Should().Be(4);
        m.Rmse.Should().BeApproximately(Math.Sqrt(0.75), 1e-12);
        m.Mae.Should().BeApproximately(0.75, 1e-12);
        m.Pearson.Should().BeApproximately(5.5 / Math.Sqrt(43.75), 1e-12);
        m.Pearson.Should().BeApproximately(0.8315218406, 1e-9);
    }

    [Fact]
    public void Perfect_and_inverse_agreement()
    {
        RegressionMetrics same = RegressionMetrics.Compute([0.1, -0.4, 0.9], [0.1, -0.4, 0.9]);
        same.Rmse.Should().Be(0);
        same.Mae.Should().Be(0);
        same.Pearson.Should().BeApproximately(1.0, 1e-12);

        RegressionMetrics scaled = RegressionMetrics.Compute([1.0, 2.0, 3.0], [-2.0, -4.0, -6.0]);
        scaled.Pearson.Should().BeApproximately(-1.0, 1e-12);
        scaled.Mae.Should().BeApproximately(6.0, 1e-12);       // |3|, |6|, |9|
        scaled.Rmse.Should().BeApproximately(Math.Sqrt(42), 1e-12); // (9 + 36 + 81) / 3
    }

    [Fact]
    public void Constant_side_or_single_pair_gives_NaN_correlation()
    {
        RegressionMetrics constant = RegressionMetrics.Compute([0.5, 0.5, 0.5], [0.1, 0.2, 0.9]);
        constant.Pearson.Should().Be(double.NaN);
        constant.Mae.Should().BeApproximately((0.4 + 0.3 + 0.4) / 3, 1e-12);

        RegressionMetrics.Compute([0.1, 0.2], [0.3, 0.3]).Pearson.Should().Be(double.NaN);
        RegressionMetrics one = RegressionMetrics.Compute([0.5], [0.25]);
        one.Pearson.Should().Be(double.NaN);
        one.Rmse.Should().BeApproximately(0.25, 1e-12);
    }

    [Fact]
    public void Mismatched_or_empty_input_is_rejected()
    {
        FluentActions.Invoking(() => RegressionMetrics.Compute([1.0, 2.0], [1.0])).Should().Throw<ArgumentException>().WithMessage("2 predictions but 1 reference values*");
        FluentActions.Invoking(() => RegressionMetrics.Compute([], [])).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ConstantRmse_is_the_error_of_a_constant_prediction()
    {
        RegressionMetrics.ConstantRmse(0.5, [0.0, 1.0]).Should().BeApproximately(0.5, 1e-12);
        RegressionMetrics.ConstantRmse(0.0, [3.0, -4.0]).Should().BeApproximately(Math.Sqrt(12.5), 1e-12);
        RegressionMetrics.ConstantRmse(0.2, [0.1, 0.3, 0.8]).Should().BeApproximately(
            RegressionMetrics.Compute([0.2, 0.2, 0.2], [0.1, 0.3, 0.8]).Rmse, 1e-12);
        RegressionMetrics.ConstantRmse(0.0, []).Should().Be(double.NaN);
    }
}

public class ClassificationMetricsTests
{
    private static readonly int[] Actual = [0, 0, 1, 1, 2, 2, 2];
    private static readonly int[] Predicted = [0, 1, 1, 1, 2, 0, 2];

    [Fact]
    public void Accuracy_f1_and_confusion_match_hand_computed_values()
    {
        ClassificationMetrics m = ClassificationMetrics.Compute(Actual, Predicted, 3);

        m.Count.Should().Be(7);
        m.Accuracy.Should().BeApproximately(5 / 7.0, 1e-12);
        // Class 0: tp 1, fp 1, fn 1 → 0.5. Class 1: tp 2, fp 1, fn 0 → 0.8. Class 2: tp 2, fp 0, fn 1 → 0.8.
        m.PerClassF1.Should().HaveCount(3);
        m.PerClassF1[0].Should().BeApproximately(0.5, 1e-12);
        m.PerClassF1[1].Should().BeApproximately(0.8, 1e-12);
        m.PerClassF1[2].Should().BeApproximately(0.8, 1e-12);
        m.MacroF1.Should().BeApproximately(0.7, 1e-12);
    }

    [Fact]
    public void Confusion_rows_are_true_classes()
    {
        ClassificationMetrics m = ClassificationMetrics.Compute(Actual, Predicted, 3);

        m.Confusion[2, 0].Should().Be(1, "one true class-2 item was predicted as 0");
        m.Confusion[0, 2].Should().Be(0);
        m.Confusion[0, 1].Should().Be(1, "one true class-0 item was predicted as 1");
        m.Confusion[1, 0].Should().Be(0);
        m.ConfusionRows().Should().BeEquivalentTo(new[] { new[] { 1, 1, 0 }, new[] { 0, 2, 0 }, new[] { 1, 0, 2 } }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Absent_classes_count_as_zero_in_the_macro_average()
    {
        ClassificationMetrics m = ClassificationMetrics.Compute(Actual, Predicted, 4);

        m.PerClassF1[3].Should().Be(0);
        m.MacroF1.Should().BeApproximately(2.1 / 4, 1e-12);
        m.Accuracy.Should().BeApproximately(5 / 7.0, 1e-12);
    }

    [Fact]
    public void Perfect_prediction_scores_one()
    {
        ClassificationMetrics m = ClassificationMetrics.Compute([0, 1, 2, 3], [0, 1, 2, 3], 4);
        m.Accuracy.Should().Be(1);
        m.MacroF1.Should().Be(1);
    }

    [Fact]
    public void Empty_input_has_NaN_accuracy()
    {
        ClassificationMetrics m = ClassificationMetrics.Compute([], [], 2);
        m.Count.Should().Be(0);
        m.Accuracy.Should().Be(double.NaN);
        m.MacroF1.Should().Be(0);
    }

    [Fact]
    public void Bad_input_is_rejected()
    {
        FluentActions.Invoking(() => ClassificationMetrics.Compute([0, 1], [0], 2)).Should().Throw<ArgumentException>().WithMessage("1 predictions but 2 labels*");
        FluentActions.Invoking(() => ClassificationMetrics.Compute([0, 3], [0, 1], 3)).Should().Throw<ArgumentException>().WithMessage("Item 1: class out of range 0..2*");
        FluentActions.Invoking(() => ClassificationMetrics.Compute([0, 1], [0, -1], 3)).Should().Throw<ArgumentException>().WithMessage("Item 1:*");
        FluentActions.Invoking(() => ClassificationMetrics.Compute([0], [0], 1)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
