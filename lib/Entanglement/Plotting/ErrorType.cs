namespace Entanglement.Plotting;

/// <summary>How error bar lengths are given (plotly.js <c>error_y.type</c>).</summary>
public enum ErrorType
{
    /// <summary>Lengths from <see cref="ErrorBars.Array"/> (and <see cref="ErrorBars.ArrayMinus"/>).</summary>
    Data,

    /// <summary>A percentage of the value.</summary>
    Percent,

    /// <summary>One constant length.</summary>
    Constant,

    /// <summary>The square root of the value.</summary>
    Sqrt,
}
