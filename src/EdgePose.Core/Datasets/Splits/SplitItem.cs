namespace EdgePose.Core.Datasets.Splits;

/// <summary>An image to place in a split: a unique key (its relative path) and the group it is stratified by (its source folder).</summary>
public sealed record SplitItem(string Key, string Group);
