using System.Management.Automation;
using FiberSqs.Core.Files;

namespace FiberSqs;

/// <summary>The one table from a dataset folder's problem to its error id, category and advice, for every cmdlet.</summary>
internal static class DatasetErrors
{
    public static ErrorRecord Record(DatasetFolderException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (id, category, advice) = e.Problem switch
        {
            DatasetProblem.NotFound => (ErrorIds.DatasetNotFound, ErrorCategory.ObjectNotFound,
                "Check the path, or write a dataset there with New-FiberSqsDataset."),
            DatasetProblem.NotADataset => (ErrorIds.NotADataset, ErrorCategory.InvalidArgument,
                "Give -Path a folder written by New-FiberSqsDataset (it holds ground_truth.json and data/)."),
            DatasetProblem.GroundTruthUnreadable => (ErrorIds.GroundTruthUnreadable, ErrorCategory.InvalidData,
                "Write the dataset again with New-FiberSqsDataset -Force; the data is checked against its answer key."),
            _ => (ErrorIds.DatasetIncomplete, ErrorCategory.InvalidData,
                "Write the dataset again with New-FiberSqsDataset -Force. Nothing that existed was changed."),
        };
        var record = new ErrorRecord(e, id, category, e.Path);
        record.ErrorDetails = new ErrorDetails(e.Message) { RecommendedAction = advice };
        return record;
    }
}
