using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Feedback.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class InboxPerson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "user_id",
                table: "inbox_messages",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_inbox_messages_user_id_id",
                table: "inbox_messages",
                columns: new[] { "user_id", "id" },
                filter: "user_id IS NOT NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_inbox_messages_users_user_id",
                table: "inbox_messages",
                column: "user_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_inbox_messages_users_user_id",
                table: "inbox_messages");

            migrationBuilder.DropIndex(
                name: "ix_inbox_messages_user_id_id",
                table: "inbox_messages");

            migrationBuilder.DropColumn(
                name: "user_id",
                table: "inbox_messages");
        }
    }
}
