using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Feedback.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CaseCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_cases_extension_requested",
                table: "cases",
                columns: new[] { "state", "department_code" },
                filter: "requested_extension_days IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cases_state_department_code",
                table: "cases",
                columns: new[] { "state", "department_code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_cases_extension_requested",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "ix_cases_state_department_code",
                table: "cases");
        }
    }
}
