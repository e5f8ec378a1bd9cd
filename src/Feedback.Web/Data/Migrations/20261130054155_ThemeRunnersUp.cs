using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Feedback.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ThemeRunnersUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "theme_second",
                table: "evaluations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<float>(
                name: "theme_second_score",
                table: "evaluations",
                type: "real",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "theme_third",
                table: "evaluations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<float>(
                name: "theme_third_score",
                table: "evaluations",
                type: "real",
                nullable: true);

            // The first of the top three is theme / theme_confidence already; only the runners-up move.
            migrationBuilder.Sql("""
                UPDATE evaluations
                SET theme_second = theme_top3[2], theme_second_score = theme_top3_scores[2],
                    theme_third = theme_top3[3], theme_third_score = theme_top3_scores[3]
                WHERE theme_top3 IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "theme_top3",
                table: "evaluations");

            migrationBuilder.DropColumn(
                name: "theme_top3_scores",
                table: "evaluations");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "theme_top3",
                table: "evaluations",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<float[]>(
                name: "theme_top3_scores",
                table: "evaluations",
                type: "real[]",
                nullable: true);

            // Absent runners-up leave the arrays shorter rather than holding NULLs.
            migrationBuilder.Sql("""
                UPDATE evaluations
                SET theme_top3 = ARRAY[theme::text]
                        || CASE WHEN theme_second IS NULL THEN '{}'::text[] ELSE ARRAY[theme_second::text] END
                        || CASE WHEN theme_third IS NULL THEN '{}'::text[] ELSE ARRAY[theme_third::text] END,
                    theme_top3_scores = ARRAY[theme_confidence]
                        || CASE WHEN theme_second IS NULL THEN '{}'::real[] ELSE ARRAY[theme_second_score] END
                        || CASE WHEN theme_third IS NULL THEN '{}'::real[] ELSE ARRAY[theme_third_score] END
                WHERE theme IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "theme_second",
                table: "evaluations");

            migrationBuilder.DropColumn(
                name: "theme_second_score",
                table: "evaluations");

            migrationBuilder.DropColumn(
                name: "theme_third",
                table: "evaluations");

            migrationBuilder.DropColumn(
                name: "theme_third_score",
                table: "evaluations");
        }
    }
}
