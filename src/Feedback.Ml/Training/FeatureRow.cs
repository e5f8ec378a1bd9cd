using Microsoft.ML;
using Microsoft.ML.Data;

namespace Feedback.Ml;

/// <summary>A featurised training row; <typeparamref name="TLabel"/> is string for multiclass, bool for one class versus the rest.</summary>
internal sealed class FeatureRow<TLabel>
{
    public VBuffer<float> Features { get; set; }

    public TLabel Label { get; set; } = default!;

    /// <summary>ML.NET needs the vector length up front, and it is only known once the featurizer is fitted.</summary>
    public static IDataView Load(MLContext ml, IEnumerable<FeatureRow<TLabel>> rows, int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow<TLabel>));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }
}
