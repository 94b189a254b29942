namespace MusicEmotion.Evaluation.Metrics;

/// <summary>Accuracy, per-class F1 and the confusion matrix of a multi-class prediction.</summary>
internal sealed class ClassificationMetrics
{
    private ClassificationMetrics(int[,] confusion, int count)
    {
        Confusion = confusion;
        Count = count;
        int k = confusion.GetLength(0);
        int correct = 0;
        var f1 = new double[k];
        for (int c = 0; c < k; c++)
        {
            correct += confusion[c, c];
            int tp = confusion[c, c], fp = 0, fn = 0;
            for (int o = 0; o < k; o++)
            {
                if (o != c)
                {
                    fp += confusion[o, c];
                    fn += confusion[c, o];
                }
            }

            f1[c] = 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        }

        Accuracy = count == 0 ? double.NaN : (double)correct / count;
        PerClassF1 = f1;
        MacroF1 = f1.Average();
    }

    /// <summary>Number of scored items.</summary>
    public int Count { get; }

    /// <summary>Share of items whose predicted class equals the true class.</summary>
    public double Accuracy { get; }

    /// <summary>Unweighted mean of the per-class F1 scores.</summary>
    public double MacroF1 { get; }

    /// <summary>F1 of each class, in class order.</summary>
    public IReadOnlyList<double> PerClassF1 { get; }

    /// <summary>Counts: row = true class, column = predicted class.</summary>
    public int[,] Confusion { get; }

    /// <summary>Scores <paramref name="predicted"/> against <paramref name="actual"/>; classes are 0..<paramref name="classCount"/>−1.</summary>
    /// <exception cref="ArgumentException">Lengths differ or a class is out of range.</exception>
    public static ClassificationMetrics Compute(IReadOnlyList<int> actual, IReadOnlyList<int> predicted, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        if (actual.Count != predicted.Count)
        {
            throw new ArgumentException($"{predicted.Count} predictions but {actual.Count} labels.", nameof(predicted));
        }

        var confusion = new int[classCount, classCount];
        for (int i = 0; i < actual.Count; i++)
        {
            if ((uint)actual[i] >= classCount || (uint)predicted[i] >= classCount)
            {
                throw new ArgumentException($"Item {i}: class out of range 0..{classCount - 1}.", nameof(actual));
            }

            confusion[actual[i], predicted[i]]++;
        }

        return new ClassificationMetrics(confusion, actual.Count);
    }

    /// <summary>The confusion matrix as nested arrays (row = true class).</summary>
    public int[][] ConfusionRows() =>
        Enumerable.Range(0, Confusion.GetLength(0)).Select(r => Enumerable.Range(0, Confusion.GetLength(1)).Select(c => Confusion[r, c]).ToArray()).ToArray();
}
