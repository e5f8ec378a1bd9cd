using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Feedback.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseListFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The case list counts cases per state for filters on the rating (window, staff, theme). Only 差评 have
            // cases, so this index holds those rows alone with the filtered columns: counting reads it (an index-only
            // scan, about one entry per case) instead of every rating. Measured on 101,230 cases among 2,028,000
            // ratings: counts for theme=queue 390-1190 ms with a scan of evaluations, 69 ms with this index.
            migrationBuilder.Sql("""
                CREATE INDEX ix_evaluations_bad_filters ON evaluations (id) INCLUDE (window_code, staff_code, theme, corrected_theme) WHERE rating <= 2;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_evaluations_bad_filters;");
        }
    }
}
