using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Feedback.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseWorkbench : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_opened_at",
                table: "cases");

            migrationBuilder.AddColumn<int>(
                name: "assignee_id",
                table: "cases",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "case_attachments",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    size = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    thumbnail = table.Column<byte[]>(type: "bytea", nullable: true),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_case_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_case_attachments_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cases_assignee_id",
                table: "cases",
                column: "assignee_id",
                filter: "assignee_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cases_department_code_due_at_id",
                table: "cases",
                columns: new[] { "department_code", "due_at", "id" },
                filter: "state IN ('open', 'in_progress')");

            migrationBuilder.CreateIndex(
                name: "ix_cases_department_code_opened_at_id",
                table: "cases",
                columns: new[] { "department_code", "opened_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cases_due_at_id",
                table: "cases",
                columns: new[] { "due_at", "id" },
                filter: "state IN ('open', 'in_progress')");

            migrationBuilder.CreateIndex(
                name: "ix_cases_opened_at_id",
                table: "cases",
                columns: new[] { "opened_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_case_attachments_case_id",
                table: "case_attachments",
                column: "case_id");

            migrationBuilder.AddForeignKey(
                name: "fk_cases_users_assignee_id",
                table: "cases",
                column: "assignee_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // Search over the case number, the comment and the reply (pg_trgm, a trusted extension that Debian's
            // postgresql package brings). Only bad ratings have cases, so the evaluations indexes hold those rows
            // alone and storing a good rating pays nothing for them.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE INDEX ix_evaluations_bad_comment_trgm ON evaluations USING gin (comment gin_trgm_ops) WHERE rating <= 2;
                CREATE INDEX ix_evaluations_bad_case_number_trgm ON evaluations USING gin (case_number gin_trgm_ops) WHERE rating <= 2;
                CREATE INDEX ix_cases_reply_note_trgm ON cases USING gin (reply_note gin_trgm_ops);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX ix_evaluations_bad_comment_trgm;
                DROP INDEX ix_evaluations_bad_case_number_trgm;
                DROP INDEX ix_cases_reply_note_trgm;
                """);

            migrationBuilder.DropForeignKey(
                name: "fk_cases_users_assignee_id",
                table: "cases");

            migrationBuilder.DropTable(
                name: "case_attachments");

            migrationBuilder.DropIndex(
                name: "ix_cases_assignee_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_department_code_due_at_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_department_code_opened_at_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_due_at_id",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_opened_at_id",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "assignee_id",
                table: "cases");

            migrationBuilder.CreateIndex(
                name: "ix_cases_opened_at",
                table: "cases",
                column: "opened_at");
        }
    }
}
