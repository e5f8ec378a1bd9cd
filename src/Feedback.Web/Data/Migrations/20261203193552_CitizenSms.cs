using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Feedback.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CitizenSms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "contact_phone_cipher",
                table: "cases",
                type: "bytea",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sms_messages",
                columns: table => new
                {
                    notification_id = table.Column<long>(type: "bigint", nullable: false),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    phone_masked = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    phone_hash = table.Column<byte[]>(type: "bytea", nullable: true),
                    gateway_message_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sms_messages", x => x.notification_id);
                    table.ForeignKey(
                        name: "fk_sms_messages_cases_case_id",
                        column: x => x.case_id,
                        principalTable: "cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_sms_messages_notifications_notification_id",
                        column: x => x.notification_id,
                        principalTable: "notifications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sms_messages_accepted_at",
                table: "sms_messages",
                column: "accepted_at",
                filter: "accepted_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sms_messages_case_id",
                table: "sms_messages",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_sms_messages_phone_hash_accepted_at",
                table: "sms_messages",
                columns: new[] { "phone_hash", "accepted_at" },
                filter: "accepted_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sms_messages");

            migrationBuilder.DropColumn(
                name: "contact_phone_cipher",
                table: "cases");
        }
    }
}
