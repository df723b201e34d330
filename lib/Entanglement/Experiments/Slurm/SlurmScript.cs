using System.Globalization;
using System.Text;

namespace Entanglement.Experiments.Slurm;

/// <summary>
/// Writes the bash script that runs a <see cref="SlurmJob"/>: every setting as a shell variable at its top, then three
/// modes: <c>submit</c> (sbatch the array tasks not done yet, then the merge job with <c>--dependency=afterok</c>),
/// <c>task</c> (one array task: its shard into its own store, resumable) and <c>merge</c> (<c>results merge</c> into
/// the run's store, then the JSON summary, and the report if asked, read from the merged store).
/// </summary>
public static class SlurmScript
{
    /// <summary>The script text for <paramref name="job"/>.</summary>
    public static string Render(SlurmJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        job.Validate();
        var settings = new StringBuilder();
        Setting(settings, "EXPERIMENT", Quote(job.Experiment), "an experiment of `workbook list`, or all");
        Setting(settings, "PROFILE", Quote(job.Profile), "smoke, quick or paper");
        Setting(settings, "SHARDS", job.Shards.ToString(CultureInfo.InvariantCulture), "array tasks 0 .. SHARDS-1; task k runs shard k/SHARDS");
        Setting(settings, "RUN_ARGS", Array(job.RunArguments), "more `workbook run` options for every task, e.g. (--seeds 40)");
        Setting(settings, "TASK_ARGS", Array(job.TaskArguments), "`workbook run` options for the array tasks only, e.g. (--workers 4)");
        Setting(settings, "RUN_DIR", Quote(job.RunDirectory), "shards/, logs/, results.db and summary.json go here");
        Setting(settings, "REPORT", job.Report ? "1" : "0", "1: the merge job also runs `workbook report` on the merged store");
        Setting(settings, "NOTEBOOKS", Quote(job.NotebooksDirectory), "the notebooks the report runs");
        Setting(settings, "PARTITION", Quote(job.Partition ?? ""), "sbatch --partition; empty: the cluster's default");
        Setting(settings, "GRES", Quote(job.Gres ?? ""), "sbatch --gres for each array task, e.g. gpu:1; empty: none");
        Setting(settings, "TIME", Quote(job.Time ?? ""), "sbatch --time for each job, e.g. 12:00:00; empty: the partition's default");
        Setting(settings, "SBATCH_ARGS", Array(job.SbatchArguments), "more sbatch options for every job, e.g. (--account=lab --mem=16G)");
        settings.Append("# How a node starts the workbook CLI: `dotnet` (from PATH) with the built workbook.dll, or e.g.\n")
            .Append("# WORKBOOK=(/opt/workbook/workbook) for a published executable. The path must be readable on every node.\n")
            .Append("WORKBOOK=").Append(Array(job.WorkbookCommand)).Append('\n');
        return Template
            .Replace("@COMMAND@", Describe(job), StringComparison.Ordinal)
            .Replace("@SETTINGS@", settings.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// <paramref name="value"/> as one bash word: unchanged when it holds only characters the shell never interprets,
    /// otherwise in single quotes (each <c>'</c> written as <c>'\''</c>).
    /// </summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "_-./:=@%+,".Contains(c, StringComparison.Ordinal))
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>A bash array literal, <c>(a 'b c')</c>.</summary>
    public static string Array(IEnumerable<string> values) => "(" + string.Join(' ', values.Select(Quote)) + ")";

    private static void Setting(StringBuilder text, string name, string value, string comment) =>
        text.Append(CultureInfo.InvariantCulture, $"{name}={value}").Append(' ', Math.Max(1, 40 - name.Length - value.Length - 1))
            .Append("# ").Append(comment).Append('\n');

    private static string Describe(SlurmJob job)
    {
        var words = new List<string> { "workbook", "slurm", job.Experiment, "--profile", job.Profile, "--shards", job.Shards.ToString(CultureInfo.InvariantCulture) };
        if (job.RunArguments.Count + job.TaskArguments.Count > 0)
        {
            words.Add("--");
            words.AddRange(job.RunArguments.Concat(job.TaskArguments));
        }

        return string.Join(' ', words.Select(Quote));
    }

    // The script body: fixed text, so a reader sees the same logic in every run folder; only the settings vary.
    private const string Template = """
        #!/usr/bin/env bash
        # A workbook sweep as a Slurm job array, written by `@COMMAND@`.
        #
        #   bash slurm.sh submit    submits the array tasks that are not done yet, then the merge job after them
        #                           (`workbook slurm ... --submit` runs this; run it again after a failure)
        #
        # Array task k runs `workbook run` on shard k/SHARDS of the sweep into shards/k.db; a task that ran before resumes
        # from its store, and a finished task leaves shards/k.done (holding the settings it ran with). The merge job starts
        # when every task has succeeded (--dependency=afterok), merges the shard stores into results.db
        # (`workbook results merge` refuses runs that conflict with stored ones), then writes summary.json with
        # `workbook run ... --json` against the merged store, which holds every run, so it only reads. Logs: logs/.
        # Edit any setting below and submit again: tasks whose shards/k.done does not match the settings run again
        # (TASK_ARGS, and the sbatch settings, decide only where and how the runs train, so they are not compared).
        set -euo pipefail

        # ---- settings --------------------------------------------------------------------------------------------
        @SETTINGS@# ------------------------------------------------------------------------------------------------------------

        # The settings a finished task ran with; shards/k.done holds them.
        signature() { printf '%s\n' "$EXPERIMENT" "$PROFILE" "$SHARDS" "${RUN_ARGS[@]}"; }

        task_done() { [[ -f "$RUN_DIR/shards/$1.done" && "$(cat "$RUN_DIR/shards/$1.done")" == "$(signature)" ]]; }

        run_task() {
          local k=${SLURM_ARRAY_TASK_ID:?not an array task; submit with: bash slurm.sh submit}
          mkdir -p "$RUN_DIR/shards"
          rm -f "$RUN_DIR/shards/$k.done"
          "${WORKBOOK[@]}" run "$EXPERIMENT" --profile "$PROFILE" "${RUN_ARGS[@]}" "${TASK_ARGS[@]}" \
            --shard "$k/$SHARDS" --store "$RUN_DIR/shards/$k.db"
          signature > "$RUN_DIR/shards/$k.done"
        }

        merge() {
          local k stores=()
          for ((k = 0; k < SHARDS; k++)); do stores+=("$RUN_DIR/shards/$k.db"); done
          "${WORKBOOK[@]}" results merge "$RUN_DIR/results.db" "${stores[@]}"
          "${WORKBOOK[@]}" run "$EXPERIMENT" --profile "$PROFILE" "${RUN_ARGS[@]}" \
            --store "$RUN_DIR/results.db" --json "$RUN_DIR/summary.json"
          if [[ $REPORT == 1 ]]; then
            WORKBOOK_STORE="$RUN_DIR/results.db" "${WORKBOOK[@]}" report --profile "$PROFILE" \
              --notebooks "$NOTEBOOKS" --out "$RUN_DIR/reports"
          fi
        }

        submit() {
          local k missing=() common=(--chdir="$RUN_DIR" "${SBATCH_ARGS[@]}") task_options=() dependency=()
          if [[ -n $PARTITION ]]; then common+=(--partition="$PARTITION"); fi
          if [[ -n $TIME ]]; then common+=(--time="$TIME"); fi
          if [[ -n $GRES ]]; then task_options+=(--gres="$GRES"); fi
          for ((k = 0; k < SHARDS; k++)); do task_done "$k" || missing+=("$k"); done
          mkdir -p "$RUN_DIR/logs" "$RUN_DIR/shards"
          if ((${#missing[@]} > 0)); then
            local tasks array_id
            tasks=$(IFS=,; echo "${missing[*]}")
            array_id=$(sbatch --parsable "${common[@]}" "${task_options[@]}" --job-name="workbook-$EXPERIMENT" \
              --array="$tasks" --output="$RUN_DIR/logs/task-%A_%a.out" "$0" task)
            array_id=${array_id%%;*}
            echo "submitted array job $array_id: tasks $tasks of 0-$((SHARDS - 1))"
            dependency=(--dependency="afterok:$array_id" --kill-on-invalid-dep=yes)
          else
            echo "all $SHARDS tasks are done"
          fi
          local merge_id
          merge_id=$(sbatch --parsable "${common[@]}" "${dependency[@]}" --job-name="workbook-merge-$EXPERIMENT" \
            --output="$RUN_DIR/logs/merge-%j.out" "$0" merge)
          echo "submitted merge job ${merge_id%%;*}: results.db and summary.json in $RUN_DIR"
        }

        export NO_COLOR=1  # plain text in the job logs
        case "${1:-}" in
          submit) submit ;;
          task) run_task ;;
          merge) merge ;;
          *) echo "usage: bash $0 submit|task|merge (task and merge run inside Slurm jobs)" >&2; exit 64 ;;
        esac

        """;
}
