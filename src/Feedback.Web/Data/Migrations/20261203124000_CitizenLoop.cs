using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Feedback.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CitizenLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "evaluation_id",
                table: "qr_devices",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "follow_up_channel",
                table: "cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "evaluation_id",
                table: "qr_devices");

            migrationBuilder.DropColumn(
                name: "follow_up_channel",
                table: "cases");
        }
    }
}
