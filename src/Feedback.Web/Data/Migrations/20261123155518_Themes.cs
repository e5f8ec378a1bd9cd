using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Feedback.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Themes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "corrected_theme",
                table: "evaluations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "model_version",
                table: "evaluations",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "needs_review",
                table: "evaluations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "theme",
                table: "evaluations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<float>(
                name: "theme_confidence",
                table: "evaluations",
                type: "real",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "theme_signal",
                table: "evaluations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

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

            migrationBuilder.CreateTable(
                name: "theme_corrections",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    evaluation_id = table.Column<long>(type: "bigint", nullable: false),
                    from_theme = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    to_theme = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    corrected_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    corrected_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_theme_corrections", x => x.id);
                    table.ForeignKey(
                        name: "fk_theme_corrections_evaluations_evaluation_id",
                        column: x => x.evaluation_id,
                        principalTable: "evaluations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_theme_corrections_evaluation_id",
                table: "theme_corrections",
                column: "evaluation_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "theme_corrections");

            migrationBuilder.DropColumn(
                name: "corrected_theme",
                table: "evaluations");

            migrationBuilder.DropColumn(
                name: "model_version",
                table: "evaluations");

            migrationBuilder.DropColumn(
                name: "needs_review",
                table: "evaluations");

            migrationBuilder.DropColumn(
                name: "theme",
                table: "evaluations");

            migrationBuilder.DropColumn(
                name: "theme_confidence",
                table: "evaluations");

            migrationBuilder.DropColumn(
                name: "theme_signal",
                table: "evaluations");

            migrationBuilder.DropColumn(
                name: "theme_top3",
                table: "evaluations");

            migrationBuilder.DropColumn(
                name: "theme_top3_scores",
                table: "evaluations");
        }
    }
}
