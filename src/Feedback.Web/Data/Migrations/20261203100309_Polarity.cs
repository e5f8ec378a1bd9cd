using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Feedback.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Polarity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Nullable columns without a default: PostgreSQL adds them without rewriting the table. Stored ratings get
            // their polarity, and signals by the new rule, from the reclassify job the service queues when it starts.
            migrationBuilder.AddColumn<string>(
                name: "polarity",
                table: "evaluations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<float>(
                name: "polarity_confidence",
                table: "evaluations",
                type: "real",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "polarity_model_version",
                table: "evaluations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "polarity",
                table: "evaluations");

            migrationBuilder.DropColumn(
                name: "polarity_confidence",
                table: "evaluations");

            migrationBuilder.DropColumn(
                name: "polarity_model_version",
                table: "evaluations");
        }
    }
}
