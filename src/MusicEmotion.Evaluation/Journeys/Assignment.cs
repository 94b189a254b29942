namespace MusicEmotion.Evaluation.Journeys;

/// <summary>The minimum-cost assignment of rows to columns of a square cost matrix (the Hungarian method, O(n³)).</summary>
internal static class Assignment
{
    /// <summary>For each row, the column it is assigned to, such that the total cost is least.</summary>
    public static int[] Solve(double[,] cost)
    {
        int n = cost.GetLength(0);
        if (n != cost.GetLength(1))
        {
            throw new ArgumentException("The cost matrix must be square.", nameof(cost));
        }

        // Potentials u (rows) and v (columns), 1-based with a dummy column 0 (the classic e-maxx formulation).
        var u = new double[n + 1];
        var v = new double[n + 1];
        var matchOfColumn = new int[n + 1];
        var way = new int[n + 1];
        for (int row = 1; row <= n; row++)
        {
            matchOfColumn[0] = row;
            int column = 0;
            var minimum = new double[n + 1];
            var used = new bool[n + 1];
            Array.Fill(minimum, double.PositiveInfinity);
            do
            {
                used[column] = true;
                int matchedRow = matchOfColumn[column], next = 0;
                double delta = double.PositiveInfinity;
                for (int j = 1; j <= n; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }

                    double reduced = cost[matchedRow - 1, j - 1] - u[matchedRow] - v[j];
                    if (reduced < minimum[j])
                    {
                        minimum[j] = reduced;
                        way[j] = column;
                    }

                    if (minimum[j] < delta)
                    {
                        delta = minimum[j];
                        next = j;
                    }
                }

                for (int j = 0; j <= n; j++)
                {
                    if (used[j])
                    {
                        u[matchOfColumn[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minimum[j] -= delta;
                    }
                }

                column = next;
            }
            while (matchOfColumn[column] != 0);

            do
            {
                int previous = way[column];
                matchOfColumn[column] = matchOfColumn[previous];
                column = previous;
            }
            while (column != 0);
        }

        var result = new int[n];
        for (int j = 1; j <= n; j++)
        {
            result[matchOfColumn[j] - 1] = j - 1;
        }

        return result;
    }
}
